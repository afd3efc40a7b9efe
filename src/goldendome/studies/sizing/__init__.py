"""How many space-based interceptors a salvo takes: reach maps of orbital shells
(:mod:`.reach_map`), the search for the smallest Walker constellation (:mod:`.search`), and
the question posed from a sizing spec with its report (:mod:`.question`)."""
