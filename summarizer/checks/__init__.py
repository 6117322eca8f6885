"""What a model's answer must pass before it may replace the analyser's: numbers the article
states, no loaded words, figures given to their claimants, disputes from both sides, the main
place, the floor's facts kept. Each check returns problems as sentences a model can act on."""
