"""Coverage of named ground regions by each space layer: the regions (:mod:`.regions`), the
satellites in view of each point at each time (:mod:`.counts`), and the figures of merit per
region (:mod:`.figures`)."""
