namespace IdmPlatform.Evaluation;

/// <summary>Counts for one field over all documents: exact matches, and true/false positives and negatives for sets.</summary>
public sealed class FieldScore(string name)
{
    public string Name { get; } = name;

    public int Exact { get; private set; }

    public int Labelled { get; private set; }

    public int TruePositives { get; private set; }

    public int Predicted { get; private set; }

    public int Expected { get; private set; }

    public double Precision => Predicted == 0 ? 1 : (double)TruePositives / Predicted;

    public double Recall => Expected == 0 ? 1 : (double)TruePositives / Expected;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public bool AllExact => Exact == Labelled;

    public void AddExact(bool matched)
    {
        Labelled++;
        Exact += matched ? 1 : 0;
    }

    /// <summary>Counts a set comparison; matches pairs greedily with the given equivalence.</summary>
    public void AddSet<TExpected, TPredicted>(IEnumerable<TExpected> expected, IEnumerable<TPredicted> predicted, Func<TExpected, TPredicted, bool> same)
    {
        var remaining = predicted.ToList();
        var expectedList = expected.ToList();
        var hits = 0;
        foreach (var e in expectedList)
        {
            var index = remaining.FindIndex(p => same(e, p));
            if (index >= 0)
            {
                hits++;
                remaining.RemoveAt(index);
            }
        }

        Predicted += hits + remaining.Count;
        Expected += expectedList.Count;
        TruePositives += hits;
        AddExact(remaining.Count == 0 && hits == expectedList.Count);
    }
}
