"""Editor's briefs (Markdown, HTML) and the page templates."""
