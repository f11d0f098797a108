from upskill.cli import main

main()
