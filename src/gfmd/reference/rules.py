"""Permission of the reference pages: the SDG and GCM lists are public texts, read by everyone;
what a page lists under them follows the rules of its owner (published sessions only; library
documents by their access levels)."""

import rules

rules.add_perm("reference.view_reference", rules.always_allow)
