from express.cli import main

main()
