"""What a job asks for: profile, rated factors, tasks, strength tables, frequency scales, NIOSH, units."""
