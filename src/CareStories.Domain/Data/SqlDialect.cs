namespace CareStories.Domain.Data;

/// <summary>The databases CareStories runs on; hand-written SQL picks its text by this.</summary>
public enum SqlDialect
{
    Sqlite = 0,
    PostgreSQL = 1,
}
