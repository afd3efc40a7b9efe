"""How many space-based interceptors a salvo takes: reach maps of orbital shells
(:mod:`.reach_map`), the search for the smallest Walker constellation (:mod:`.search`), the
question posed from a sizing spec with its report (:mod:`.question`), its run folder
(:mod:`.store`), and a published study's question answered beside its figure
(:mod:`.presets`)."""
