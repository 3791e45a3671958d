from volte.cli import main

main()
