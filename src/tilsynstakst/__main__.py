from tilsynstakst.cli import main

main()
