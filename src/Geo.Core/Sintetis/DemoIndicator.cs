namespace Geo.Core.Sintetis;

/// <summary>A coverage indicator to simulate: its national target, polarity and the sasaran codes summed for its denominator.</summary>
public sealed record DemoIndicator(string Kode, double? Target, bool NaikLebihBaik, IReadOnlyList<string> PenyebutSasaran);
