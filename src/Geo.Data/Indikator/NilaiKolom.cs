namespace Geo.Data.Indikator;

/// <summary>
/// Stored values of several indicators for the units of one level, one column per field, each
/// aligned with <see cref="Kode"/> (kode order). A unit without a stored value has a null
/// <see cref="Kolom.Sumber"/> and null numbers.
/// </summary>
public sealed record NilaiKolom(IReadOnlyList<string> Kode, IReadOnlyList<string> Nama, IReadOnlyDictionary<string, NilaiKolom.Kolom> PerIndikator)
{
    public sealed class Kolom(int units)
    {
        public double?[] Pembilang { get; } = new double?[units];
        public double?[] Penyebut { get; } = new double?[units];
        public double?[] Nilai { get; } = new double?[units];
        public bool[] HanyaPersen { get; } = new bool[units];
        public string?[] Sumber { get; } = new string?[units];
        public bool[] Sintetis { get; } = new bool[units];
    }
}
