namespace Geo.Data.Tests.Support;

/// <summary>Base for integration tests that each need an empty, migrated database of their own.</summary>
public abstract class PostgisTest : IAsyncLifetime
{
    protected PostgisDatabase Db { get; } = new();

    public virtual Task InitializeAsync() => Db.InitializeAsync();

    public virtual Task DisposeAsync() => Db.DisposeAsync();
}
