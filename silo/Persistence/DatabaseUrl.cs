using Npgsql;

namespace MissionControl.Silo.Persistence;

/// <summary>
/// Turns a <c>postgresql://user:password@host:port/database</c> URI (as in <c>DATABASE_URL</c>)
/// into an Npgsql connection string. Query parameters <c>host</c> (a socket directory),
/// <c>sslmode</c> and <c>schema</c> (the schema Mission Control keeps its tables in) are understood.
/// </summary>
public static class DatabaseUrl
{
    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgresql" or "postgres"))
            throw new FormatException("must be a postgresql://user:password@host:port/database URI");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
            throw new FormatException("names no database (postgresql://…/database)");

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = database,
        };
        ApplyUserInfo(builder, uri.UserInfo);
        foreach (var (key, value) in ParseQuery(uri.Query))
            ApplyQueryParameter(builder, key, value);
        return builder.ConnectionString;
    }

    private static void ApplyUserInfo(NpgsqlConnectionStringBuilder builder, string userInfo)
    {
        if (userInfo.Length == 0)
            return;
        var colon = userInfo.IndexOf(':');
        builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        if (colon >= 0)
            builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
    }

    private static void ApplyQueryParameter(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        switch (key)
        {
            case "host": builder.Host = value; break;
            case "schema": builder.SearchPath = value; break;
            case "sslmode":
                builder.SslMode = Enum.TryParse<SslMode>(value.Replace("-", ""), ignoreCase: true, out var mode)
                    ? mode
                    : throw new FormatException($"has an unknown sslmode '{value}'");
                break;
            default: throw new FormatException($"has an unsupported parameter '{key}'");
        }
    }

    private static IEnumerable<(string Key, string Value)> ParseQuery(string query) =>
        query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : ""));
}
