"""Incidents: one real-world event, however many reports (sentences, articles, outlets) tell it.

``same_incident(a, b)`` is the merge rule over two reports (rule.py); incidents are its
connected components (cluster.py). The store keeps them up to date at save time
(wardesk.store.incidents); docs/incidents.md says what they hold.
"""

from __future__ import annotations

from wardesk.incidents.cluster import cluster, incident_id, summarise
from wardesk.incidents.report import Party, Report, Where, report_from_event
from wardesk.incidents.rule import Rule, default_rule, same_incident

__all__ = ["Party", "Report", "Rule", "Where", "cluster", "default_rule", "incident_id",
           "report_from_event", "same_incident", "summarise"]
