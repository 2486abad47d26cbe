using Geo.Core.Wilayah;

namespace Geo.Api.Hosting;

/// <summary>
/// Decides which part of the country a request may see. Until accounts scoped to a kab/kota
/// exist, every request sees the whole server; endpoints already pass the scope down so that
/// adding accounts changes only this class.
/// </summary>
public sealed class WilayahScopeResolver
{
    public WilayahScope Resolve(HttpContext context) => WilayahScope.Nasional;
}
