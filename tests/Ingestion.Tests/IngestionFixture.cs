using System.Globalization;
using IdmPlatform.Testing;

namespace IdmPlatform.Ingestion.Tests;

public sealed class IngestionFixture() : InfrastructureFixture("ingestiondb")
{
    public const int MaxDocumentBytes = 64 * 1024;

    public ServiceFactory<Program> Service { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Service = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["Ingestion:MaxDocumentBytes"] = MaxDocumentBytes.ToString(CultureInfo.InvariantCulture),
            ["Ingestion:AllowPrivateUrls"] = "true",
        });
    }

    public override async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(nameof(IngestionCollection))]
public sealed class IngestionCollection : ICollectionFixture<IngestionFixture>;
