from tilsynstakst.cli.app import main

main()
