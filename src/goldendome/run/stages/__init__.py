"""The pipeline's stages, one module each: they read the run context and write tables."""
