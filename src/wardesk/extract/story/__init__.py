"""The story of one article (issue 12, extraction side): news or background, period totals and
vague amounts, and one incident's reports agreeing within an article.

pipeline.py wraps the quantity table with :func:`story_counts` before find_events and calls
:func:`tell_story` after it."""

from wardesk.extract.story.amounts import StoryCounts, story_counts
from wardesk.extract.story.grammar import apart, relation_objects
from wardesk.extract.story.tell import Story, tell_story

__all__ = ["Story", "StoryCounts", "apart", "relation_objects", "story_counts", "tell_story"]
