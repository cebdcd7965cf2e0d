import rules

rules.add_perm("api.view_schema", rules.always_allow)
