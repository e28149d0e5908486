import SquadsCommandLine

Squads.main()
