"""Resolution: which mentions are one person, which sentences one meeting, who took part."""
