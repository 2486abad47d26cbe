using System.Text.Json;
using Geo.Core.Akun;
using Geo.Core.Import;
using Npgsql;

namespace Geo.Data.Pekerjaan;

/// <summary>
/// A job this instance has claimed, holding the connection whose session holds the job's advisory
/// lock: while it lives no other instance runs the job. Disposing it unlocks and closes; a process
/// that dies closes it too, which is what lets another instance take the job.
/// </summary>
public sealed class KlaimPekerjaan : IAsyncDisposable
{
    internal KlaimPekerjaan(NpgsqlConnection connection, long id, string jenis, JsonElement parameter,
        Caller pemanggil, int percobaan, string instans, bool diulang)
    {
        Connection = connection;
        Id = id;
        Jenis = jenis;
        Parameter = parameter;
        Pemanggil = pemanggil;
        Percobaan = percobaan;
        Instans = instans;
        Diulang = diulang;
    }

    internal NpgsqlConnection Connection { get; }
    public long Id { get; }
    public string Jenis { get; }
    public JsonElement Parameter { get; }
    public Caller Pemanggil { get; }
    /// <summary>This attempt's number (1 for the first run); with <see cref="Instans"/>, what every write of this claim is checked against.</summary>
    public int Percobaan { get; }
    public string Instans { get; }
    /// <summary>Taken over from an instance that stopped mid-run.</summary>
    public bool Diulang { get; }

    public Task<(bool Milik, bool BatalDiminta)> HeartbeatAsync(TimeSpan sewa, Kemajuan? kemajuan, CancellationToken ct = default) =>
        PekerjaanStore.HeartbeatAsync(this, sewa, kemajuan, ct);

    public Task<bool> FinishAsync(string status, string tahap, string? hasil, string? galat, Kemajuan? kemajuan = null, CancellationToken ct = default) =>
        PekerjaanStore.FinishAsync(this, status, tahap, hasil, galat, kemajuan, ct);

    public Task ReleaseAsync(string tahap, bool hitungPercobaan, CancellationToken ct = default) =>
        PekerjaanStore.ReleaseAsync(this, tahap, hitungPercobaan, ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Connection.State == System.Data.ConnectionState.Open) await PekerjaanStore.UnlockAsync(Connection, Id, CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The session is gone, and its lock with it.
        }
        catch (InvalidOperationException)
        {
            // Likewise: the connection broke mid-use.
        }
        await Connection.DisposeAsync();
    }
}
