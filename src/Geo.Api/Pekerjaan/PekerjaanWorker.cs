using Geo.Api.Hosting;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Data.Errors;
using Geo.Data.Pekerjaan;
using Microsoft.Extensions.Options;

namespace Geo.Api.Pekerjaan;

/// <summary>Lets a request that queued a job wake this instance's worker, which otherwise looks every <see cref="PekerjaanOptions.PeriksaMilidetik"/>.</summary>
public sealed class PekerjaanSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Wake()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// Runs queued jobs in this instance, one at a time, off the request threads. While a job runs
/// its lease is renewed and its progress written every <see cref="PekerjaanOptions.DetakMilidetik"/>;
/// a cancellation asked by a user, or a heartbeat that finds the job taken over, stops the work
/// (its transaction rolls back). When the instance stops, the job goes back to the queue at once
/// for another instance; when it dies, its lease runs out and its advisory lock goes with its
/// connection, and another instance's worker takes it over (<see cref="PekerjaanStore.ClaimAsync"/>).
/// </summary>
public sealed partial class PekerjaanWorker(PekerjaanStore store, PekerjaanRunner runner, PekerjaanSignal signal,
    IOptions<PekerjaanOptions> options, ILogger<PekerjaanWorker> logger) : BackgroundService
{
    /// <summary>This instance's name in job rows: host, process and a random part (two hosts may share a process in tests).</summary>
    public string Instans { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    // Ending or releasing a job after its work stopped must not wait on the stopping token.
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Aktif) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            KlaimPekerjaan? claim = null;
            try
            {
                claim = await store.ClaimAsync(Instans, o.Sewa, o.MaksimumPercobaan, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogClaimFailed(logger, e);
            }
            if (claim is null)
            {
                try
                {
                    await signal.WaitAsync(TimeSpan.FromMilliseconds(o.PeriksaMilidetik), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                continue;
            }
            await using (claim) await RunAsync(claim, o, stoppingToken);
        }
    }

    private async Task RunAsync(KlaimPekerjaan claim, PekerjaanOptions o, CancellationToken stoppingToken)
    {
        LogStarted(logger, claim.Id, claim.Jenis, claim.Percobaan);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var progress = new LatestProgress();
        var state = new HeartbeatState();
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(claim, o, progress, state, work, heartbeatStop.Token);

        HasilPekerjaan? outcome = null;
        Exception? failure = null;
        try
        {
            outcome = await runner.RunAsync(claim, progress, work.Token);
        }
        catch (Exception e)
        {
            failure = e;
        }
        await heartbeatStop.CancelAsync();
        await heartbeat;

        using var end = new CancellationTokenSource(EndTimeout);
        var geo = failure is null ? null : DatabaseErrors.Translate(failure);
        try
        {
            if (state.Lost)
            {
                // Another instance has it now, or the database is gone: nothing here may write.
                LogLost(logger, claim.Id);
            }
            else if (outcome is not null)
            {
                await claim.FinishAsync(outcome.Status, outcome.Tahap, outcome.Hasil, outcome.Galat, progress.Last, end.Token);
                LogEnded(logger, claim.Id, outcome.Status);
            }
            else if (failure is OperationCanceledException && state.CancelAsked)
            {
                await claim.FinishAsync(StatusPekerjaan.Dibatalkan, "dibatalkan atas permintaan; tidak ada yang ditulis", null, null, ct: end.Token);
            }
            else if (failure is OperationCanceledException && stoppingToken.IsCancellationRequested)
            {
                await claim.ReleaseAsync($"instans {Instans} berhenti; menunggu instans lain untuk menjalankannya dari awal", hitungPercobaan: false, end.Token);
            }
            else if (geo is { Kind: GeoErrorKind.Unavailable })
            {
                // The database failed under the job (a failover, say): its transaction rolled back; try again while attempts last.
                if (claim.Percobaan < o.MaksimumPercobaan)
                {
                    await claim.ReleaseAsync($"basis data tidak dapat dihubungi pada percobaan {claim.Percobaan}; dicoba lagi", hitungPercobaan: true, end.Token);
                }
                else
                {
                    await claim.FinishAsync(StatusPekerjaan.Gagal, "gagal: basis data tidak dapat dihubungi", null, Problem(geo), ct: end.Token);
                }
            }
            else if (geo is not null)
            {
                await claim.FinishAsync(StatusPekerjaan.Gagal, "gagal: " + geo.Describe(), null, Problem(geo), ct: end.Token);
            }
            else
            {
                LogFailed(logger, failure!, claim.Id);
                await claim.FinishAsync(StatusPekerjaan.Gagal, "gagal: kesalahan server", null,
                    PekerjaanStore.Galat(StatusCodes.Status500InternalServerError, "internal",
                        "terjadi kesalahan di server; kesalahan ini sudah dicatat"), ct: end.Token);
            }
        }
        catch (Exception e)
        {
            // The job stays running under a lease that will run out; another instance takes it then.
            LogEndFailed(logger, e, claim.Id);
        }
    }

    private static string Problem(GeoException e)
    {
        var problem = ErrorHandling.ToProblem(e);
        var lokasi = problem.Extensions.TryGetValue("lokasi", out var where) ? where as IReadOnlyDictionary<string, object> : null;
        return PekerjaanStore.Galat(problem.Status!.Value, (string)problem.Extensions["jenis"]!, problem.Detail!, lokasi);
    }

    private sealed class HeartbeatState
    {
        public volatile bool Lost;
        public volatile bool CancelAsked;
    }

    private async Task HeartbeatAsync(KlaimPekerjaan claim, PekerjaanOptions o, LatestProgress progress, HeartbeatState state,
        CancellationTokenSource work, CancellationToken stop)
    {
        var lastRenewed = DateTime.UtcNow;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(o.DetakMilidetik, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            try
            {
                var (mine, cancel) = await claim.HeartbeatAsync(o.Sewa, progress.TakeChanged(), stop);
                lastRenewed = DateTime.UtcNow;
                if (!mine) state.Lost = true;
                if (cancel) state.CancelAsked = true;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogHeartbeatFailed(logger, claim.Id, e.Message);
                // Past the lease the job may be someone else's: stop rather than run twice.
                if (DateTime.UtcNow - lastRenewed > o.Sewa) state.Lost = true;
            }
            if (state.Lost || state.CancelAsked)
            {
                await work.CancelAsync();
                break;
            }
        }
    }

    /// <summary>The latest stage reported, written at the next heartbeat (stages come faster than they are worth writing).</summary>
    private sealed class LatestProgress : IProgress<Kemajuan>
    {
        private Kemajuan? _latest;
        private Kemajuan? _last;

        /// <summary>The last stage with a count, for the job's end.</summary>
        public Kemajuan? Last => Volatile.Read(ref _last);

        public void Report(Kemajuan value)
        {
            Volatile.Write(ref _latest, value);
            if (value.Selesai is not null) Volatile.Write(ref _last, value);
        }

        public Kemajuan? TakeChanged() => Interlocked.Exchange(ref _latest, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tidak dapat mengambil pekerjaan dari antrian")]
    private static partial void LogClaimFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pekerjaan {Id} ({Jenis}) dimulai, percobaan {Percobaan}")]
    private static partial void LogStarted(ILogger logger, long id, string jenis, int percobaan);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pekerjaan {Id} berakhir: {Status}")]
    private static partial void LogEnded(ILogger logger, long id, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pekerjaan {Id} tidak lagi milik instans ini; hasilnya tidak ditulis")]
    private static partial void LogLost(ILogger logger, long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pekerjaan {Id} gagal karena kesalahan server")]
    private static partial void LogFailed(ILogger logger, Exception error, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Detak pekerjaan {Id} gagal: {Error}")]
    private static partial void LogHeartbeatFailed(ILogger logger, long id, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Akhir pekerjaan {Id} tidak dapat ditulis; sewanya akan habis dan instans lain mengambilnya")]
    private static partial void LogEndFailed(ILogger logger, Exception error, long id);
}
