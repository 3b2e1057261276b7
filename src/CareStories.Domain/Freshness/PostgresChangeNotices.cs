namespace CareStories.Domain.Freshness;

/// <summary>
/// On PostgreSQL every committed change of a <see cref="ChangeStamp"/> row and of a person's unread notifications is
/// announced to every app instance listening on <see cref="Channel"/> (<c>LISTEN</c>/<c>NOTIFY</c>), so an instance can
/// keep the stamps and the bells in memory instead of asking the database on every page. The announcements are made by
/// triggers, so every way of writing those rows announces them; PostgreSQL sends them when, and only if, the
/// transaction commits, in the order the transactions committed. Payloads:
/// <list type="bullet">
/// <item><c>s{row}:{value}</c>: stamp row <c>row</c> now holds <c>value</c> (<see cref="ChangeStamp"/>, <see cref="StoryStamps"/>);</item>
/// <item><c>b{person id}</c>: that person's unread count may have changed (a notification added, read, or removed);</item>
/// <item><c>g{number}</c>: a save made through an app instance is announced, after every change it made (sent by the
/// app, not a trigger): an instance that has this one has all of that save's announcements.</item>
/// </list>
/// </summary>
public static class PostgresChangeNotices
{
    /// <summary>The channel the triggers notify and the app listens on.</summary>
    public const string Channel = "carestories_changes";

    /// <summary>What starts the announcement of a save (<c>g{number}</c>).</summary>
    public const string SavePrefix = "g";

    /// <summary>The command that announces a save; its one parameter is the payload.</summary>
    public const string AnnounceSql = $"SELECT pg_notify('{Channel}', $1)";

    /// <summary>A new save's number: random, so instances need not agree on a counter.</summary>
    public static long NewSave() => Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>The payload announcing save <paramref name="save"/>.</summary>
    public static string SavePayload(long save) => SavePrefix + save.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The two trigger functions and their triggers (a PostgreSQL-only migration, <c>ChangeNotices</c>).</summary>
    public const string Create = $$"""
        CREATE FUNCTION carestories_stamp_notice() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            PERFORM pg_notify('{{Channel}}', 's' || NEW."Id" || ':' || NEW."Value");
            RETURN NULL;
        END
        $body$;
        CREATE TRIGGER "ChangeStamps_notice" AFTER INSERT OR UPDATE OF "Value" ON "ChangeStamps"
            FOR EACH ROW EXECUTE FUNCTION carestories_stamp_notice();

        CREATE FUNCTION carestories_bell_notice() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                PERFORM pg_notify('{{Channel}}', 'b' || OLD."RecipientId");
            ELSIF TG_OP = 'INSERT' OR OLD."ReadAt" IS DISTINCT FROM NEW."ReadAt" OR OLD."RecipientId" IS DISTINCT FROM NEW."RecipientId" THEN
                PERFORM pg_notify('{{Channel}}', 'b' || NEW."RecipientId");
                IF TG_OP = 'UPDATE' AND OLD."RecipientId" IS DISTINCT FROM NEW."RecipientId" THEN
                    PERFORM pg_notify('{{Channel}}', 'b' || OLD."RecipientId");
                END IF;
            END IF;
            RETURN NULL;
        END
        $body$;
        CREATE TRIGGER "Notifications_bell_notice" AFTER INSERT OR UPDATE OR DELETE ON "Notifications"
            FOR EACH ROW EXECUTE FUNCTION carestories_bell_notice();
        """;

    /// <summary>What <see cref="Create"/> made, removed.</summary>
    public const string Drop = """
        DROP TRIGGER IF EXISTS "Notifications_bell_notice" ON "Notifications";
        DROP FUNCTION IF EXISTS carestories_bell_notice();
        DROP TRIGGER IF EXISTS "ChangeStamps_notice" ON "ChangeStamps";
        DROP FUNCTION IF EXISTS carestories_stamp_notice();
        """;
}
