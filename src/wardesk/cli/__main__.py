from wardesk.cli.main import main

main()
