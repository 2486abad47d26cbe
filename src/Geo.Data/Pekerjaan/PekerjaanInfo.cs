using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Core.Akun;
using Geo.Core.Wilayah;

namespace Geo.Data.Pekerjaan;

/// <summary>What kinds of long work go through a job.</summary>
public static class JenisPekerjaan
{
    public const string ImporWilayah = "impor_wilayah";
    public const string ImporIndikator = "impor_indikator";
    public const string Analisis = "analisis";
}

public static class StatusPekerjaan
{
    public const string Antri = "antri";
    public const string Berjalan = "berjalan";
    public const string Selesai = "selesai";
    public const string Gagal = "gagal";
    public const string Dibatalkan = "dibatalkan";

    /// <summary>The HTTP status a failure for want of a running instance is reported under: the server's, not the request's.</summary>
    public const int GagalServer = 503;
}

/// <summary>How far a job is: counted rows, features or bytes where the work counts them.</summary>
public sealed record KemajuanInfo(
    [property: JsonPropertyName("selesai")] long? Selesai,
    [property: JsonPropertyName("jumlah")] long? Jumlah,
    [property: JsonPropertyName("satuan")] string? Satuan);

/// <summary>A job as its caller polls it (GET /api/pekerjaan/{id}).</summary>
/// <param name="Hasil">What the work answered (an import report, an analysis reference); with a rejected file, the report that says why.</param>
/// <param name="Galat">Why it failed, as the problem body the direct request would have answered: status, jenis, detail, lokasi.</param>
public sealed record PekerjaanInfo(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("jenis")] string Jenis,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("wilayah")] string? Wilayah,
    [property: JsonPropertyName("oleh")] string Oleh,
    [property: JsonPropertyName("tahap")] string Tahap,
    [property: JsonPropertyName("kemajuan")] KemajuanInfo Kemajuan,
    [property: JsonPropertyName("percobaan")] int Percobaan,
    [property: JsonPropertyName("instans")] string? Instans,
    [property: JsonPropertyName("batalDiminta")] bool BatalDiminta,
    [property: JsonPropertyName("dibuat")] DateTimeOffset Dibuat,
    [property: JsonPropertyName("mulai")] DateTimeOffset? Mulai,
    [property: JsonPropertyName("diperbarui")] DateTimeOffset Diperbarui,
    [property: JsonPropertyName("berakhir")] DateTimeOffset? Berakhir,
    [property: JsonPropertyName("parameter")] JsonElement Parameter,
    [property: JsonPropertyName("hasil")] JsonElement? Hasil,
    [property: JsonPropertyName("galat")] JsonElement? Galat)
{
    /// <summary>Selesai, gagal or dibatalkan: nothing will change it any more.</summary>
    public bool SudahBerakhir() => Status is StatusPekerjaan.Selesai or StatusPekerjaan.Gagal or StatusPekerjaan.Dibatalkan;
}

/// <summary>
/// The caller a job runs as, kept with the job: the instance that runs it may not be the one that
/// received the request, and the work must see what the caller could see, no more.
/// </summary>
internal static class PemanggilJson
{
    private sealed record Stored(string Nama, string? Wilayah, string[] Peran);

    public static string Write(Caller caller) => JsonSerializer.Serialize(
        new Stored(caller.Nama, caller.Area.RootCode, caller.Peran.Select(p => p.ToName()).Order(StringComparer.Ordinal).ToArray()),
        JsonSerializerOptions.Web);

    public static Caller Read(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, JsonSerializerOptions.Web)!;
        var area = stored.Wilayah is null ? WilayahScope.Nasional : WilayahScope.Within(KodeWilayah.Parse(stored.Wilayah));
        var peran = stored.Peran.Select(p => PeranNames.TryParse(p, out var r) ? (Peran?)r : null).OfType<Peran>().ToHashSet();
        return new Caller(stored.Nama, area, peran);
    }
}
