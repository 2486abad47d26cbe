using Npgsql;

namespace Geo.Data.Peta;

/// <summary>
/// The server's view of <c>data_versi</c>: read at start, then kept current by LISTEN on channel
/// <c>data_versi</c>, whose notifications arrive when the changing transaction commits. Query
/// results carry the version they were read at and advance it too, so a lost notification
/// (dropped connection) heals on the next read as well as on reconnect.
/// </summary>
public sealed class DataVersiTracker(NpgsqlDataSource dataSource)
{
    public const string Channel = "data_versi";

    private sealed record Snapshot(DataVersi Versi);

    private Snapshot _current = new(default);
    private readonly Lock _gate = new();

    public DataVersi Current => Volatile.Read(ref _current).Versi;

    public void Observe(DataVersi seen)
    {
        lock (_gate)
        {
            var next = _current.Versi.Max(seen);
            if (next != _current.Versi) Volatile.Write(ref _current, new Snapshot(next));
        }
    }

    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await ReadAllAsync(conn, ct);
    }

    /// <summary>Listens until <paramref name="stop"/>; reconnects after a second when the connection fails.</summary>
    public async Task ListenAsync(Action<Exception>? onError, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var conn = await dataSource.OpenConnectionAsync(stop);
                conn.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", conn)) await listen.ExecuteNonQueryAsync(stop);
                // Read after LISTEN, so that no change falls between the read and the subscription.
                await ReadAllAsync(conn, stop);
                while (!stop.IsCancellationRequested) await conn.WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
            {
                onError?.Invoke(e);
                try { await Task.Delay(TimeSpan.FromSeconds(1), stop); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>
    /// For a tracker over a streaming standby, where LISTEN is refused: reads <c>data_versi</c>
    /// every <paramref name="interval"/> until <paramref name="stop"/>. The versions then advance
    /// only once the standby has replayed them, so an ETag never names data this server cannot read yet.
    /// <paramref name="onStandby"/> is told after each read whether it was served by a server in
    /// recovery (a standby) or not (the primary that reads fell back to, or a promoted standby).
    /// </summary>
    public async Task PollAsync(TimeSpan interval, Action<Exception>? onError, CancellationToken stop, Action<bool>? onStandby = null)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var conn = await dataSource.OpenConnectionAsync(stop);
                await ReadAllAsync(conn, stop);
                if (onStandby is not null)
                {
                    await using var recovery = new NpgsqlCommand("SELECT pg_is_in_recovery()", conn);
                    onStandby((bool)(await recovery.ExecuteScalarAsync(stop))!);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
            {
                onError?.Invoke(e);
            }
            try { await Task.Delay(interval, stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    private void OnNotification(string payload)
    {
        var colon = payload.LastIndexOf(':');
        if (colon > 0 && long.TryParse(payload.AsSpan(colon + 1), out var versi))
        {
            Observe(Current.With(payload[..colon], versi));
        }
    }

    private async Task ReadAllAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT nama, versi FROM data_versi", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var versi = default(DataVersi);
        while (await reader.ReadAsync(ct)) versi = versi.With(reader.GetString(0), reader.GetInt64(1));
        Observe(versi);
    }
}
