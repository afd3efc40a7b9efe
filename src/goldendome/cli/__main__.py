"""``python -m goldendome.cli``: the same as the ``goldendome`` command."""

from goldendome.cli.main import main

main()
