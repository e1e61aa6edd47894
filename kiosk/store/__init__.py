"""SQLite persistence through sqlite-utils: schema, migrations, repositories, backup."""
