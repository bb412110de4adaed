using System.Security.Cryptography;
using System.Text;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Inbox;

/// <summary>
/// The server secret keyed into inbox key hashes: INBOX_KEY_SECRET when set (it then never touches
/// the database), else a random one generated once and kept in <c>inbox_key_secret</c>, so every
/// silo hashes with the same secret. Changing it invalidates every issued key.
/// </summary>
public sealed class InboxKeySecret(NpgsqlDataSource dataSource, InboxOptions options) : IDisposable
{
    private const int GeneratedBytes = 32;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _secret;

    public async ValueTask<byte[]> GetAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _secret) is { } known)
            return known;
        await _loading.WaitAsync(ct);
        try
        {
            _secret ??= options.KeySecret is { } configured ? Encoding.UTF8.GetBytes(configured) : await LoadOrCreateAsync(ct);
            return _secret;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    // Two statements, so the read sees a row another silo inserted while this insert waited on it.
    private async Task<byte[]> LoadOrCreateAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(
            "insert into inbox_key_secret (id, secret) values (1, $1) on conflict (id) do nothing",
            ct, RandomNumberGenerator.GetBytes(GeneratedBytes));
        return await connection.ScalarAsync<byte[]>("select secret from inbox_key_secret where id = 1", ct)
            ?? throw new InvalidOperationException("The inbox key secret could not be stored.");
    }
}
