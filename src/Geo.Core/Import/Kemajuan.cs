namespace Geo.Core.Import;

/// <summary>
/// A stage of long work as a user reads it, and where counted, how far it is: rows or features
/// read so far (<see cref="Jumlah"/> unknown until the file is read), or bytes of a known total.
/// </summary>
/// <param name="Tahap">In Indonesian, whole: what the work is doing now.</param>
/// <param name="Satuan">What is counted: fitur, nilai, bita.</param>
public sealed record Kemajuan(string Tahap, long? Selesai = null, long? Jumlah = null, string? Satuan = null)
{
    public override string ToString() => Tahap;
}
