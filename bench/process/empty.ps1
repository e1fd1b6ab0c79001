# A bare pwsh start: the floor every script pays.
