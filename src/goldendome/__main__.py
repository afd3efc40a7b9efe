"""``python -m goldendome``: the same as the ``goldendome`` command."""

from goldendome.cli.main import main

main()
