"""``python -m roleadvisor``."""

from roleadvisor.cli import main

main()
