namespace Geo.Api.Pekerjaan;

/// <summary><c>Geo:Pekerjaan</c>: how an instance runs long work from the job table.</summary>
public sealed class PekerjaanOptions
{
    /// <summary>Whether this instance runs jobs at all (an instance may only answer requests).</summary>
    public bool Aktif { get; set; } = true;

    /// <summary>How long a claim holds without a heartbeat before another instance may take the job over.</summary>
    public double SewaDetik { get; set; } = 30;

    /// <summary>How often a running job renews its lease and writes its progress.</summary>
    public int DetakMilidetik { get; set; } = 1000;

    /// <summary>How often an idle instance looks for queued jobs (one it queued itself starts at once).</summary>
    public int PeriksaMilidetik { get; set; } = 2000;

    /// <summary>Runs a job may start before it is marked failed: an instance stopping mid-run, or the database failing under it, uses one.</summary>
    public int MaksimumPercobaan { get; set; } = 3;

    public TimeSpan Sewa => TimeSpan.FromSeconds(SewaDetik);

    public string? Problem() =>
        SewaDetik <= 0 ? "Geo:Pekerjaan:SewaDetik harus lebih dari 0"
        : DetakMilidetik <= 0 || DetakMilidetik >= SewaDetik * 1000 ? "Geo:Pekerjaan:DetakMilidetik harus lebih dari 0 dan kurang dari SewaDetik"
        : PeriksaMilidetik <= 0 ? "Geo:Pekerjaan:PeriksaMilidetik harus lebih dari 0"
        : MaksimumPercobaan < 1 ? "Geo:Pekerjaan:MaksimumPercobaan paling sedikit 1"
        : null;
}
