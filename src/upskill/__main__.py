from upskill._entry import main

main()
