"""Reading article files (text, HTML, JSON Lines) into documents."""
