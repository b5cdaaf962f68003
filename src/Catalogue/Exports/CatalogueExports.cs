using System.Runtime.CompilerServices;
using IdmPlatform.Catalogue.Documents;
using IdmPlatform.Catalogue.Statements;
using IdmPlatform.Contracts;

namespace IdmPlatform.Catalogue.Exports;

/// <summary>
/// The whole catalogue, or the part a filter selects, as a sequence in id order (so a rebuild from it is deterministic),
/// read a page at a time: an export of any size holds one page in memory.
/// </summary>
public sealed class CatalogueExports(StatementReader statements, DocumentReader documents, int statementsPerPage = 500, int documentsPerPage = 50)
{
    public async IAsyncEnumerable<StatementView> StatementsAsync(StatementFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await statements.AfterAsync(filter, after, statementsPerPage, cancellationToken);
            foreach (var statement in page)
            {
                yield return statement;
            }

            if (page.Count < statementsPerPage)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>Documents carry their whole text, so their pages are smaller.</summary>
    public async IAsyncEnumerable<DocumentView> DocumentsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await documents.AfterAsync(after, documentsPerPage, cancellationToken);
            foreach (var document in page)
            {
                yield return document;
            }

            if (page.Count < documentsPerPage)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }
}
