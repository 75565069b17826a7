using System.Numerics.Tensors;
using BackgroundBot.Retrieval;

namespace BackgroundBot.Tests.Retrieval;

/// <summary>
/// The contiguous, two-pass vector index against scoring every stored vector exactly (kept below as the reference;
/// rows are stored normalised, in half precision): the same passages, the same similarities to the bit, the same tie order, through adds, replacements, removals and
/// compaction, on scattered vectors and on near-duplicates (where many rows crowd the top and bounds matter most).
/// </summary>
public sealed class VectorIndexTests
{
    private const int Dimensions = 384;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Search_ranks_exactly_as_scoring_every_vector_through_adds_replacements_and_removals(bool clustered)
    {
        var random = new Random(clustered ? 11 : 5);
        var centres = Enumerable.Range(0, 12).Select(_ => Gaussian(random)).ToArray();
        float[] Draw() => clustered ? Near(random, centres[random.Next(centres.Length)], 0.15f) : Gaussian(random);

        var index = new VectorIndex();
        var reference = new Dictionary<int, float[]>();
        var nextId = 1;
        for (var round = 0; round < 5; round++)
        {
            var added = Enumerable.Range(0, 700).Select(_ => (nextId++, Draw())).ToList();

            // A new vector for some stored passages, as after an edit.
            added.AddRange(reference.Keys.Where(_ => random.Next(10) == 0).Select(id => (id, Draw())));
            index.Set(added);
            foreach (var (id, vector) in added)
            {
                reference[id] = vector.ToArray();
            }

            // Retire a random share; in the later rounds the dead rows cross the compaction bar.
            var retired = reference.Keys.Where(_ => random.Next(round + 3) == 0).ToList();
            index.Remove(retired);
            foreach (var id in retired)
            {
                reference.Remove(id);
            }

            Assert.Equal(reference.Count, index.Count);
            foreach (var count in new[] { 1, 10, 60, reference.Count + 5 })
            {
                for (var q = 0; q < 8; q++)
                {
                    var query = clustered && q % 2 == 0 ? Near(random, centres[random.Next(centres.Length)], 0.1f) : Gaussian(random);
                    Assert.Equal(Exhaustive(reference, query, count), index.Search(query, count));
                }
            }
        }
    }

    [Fact]
    public void Equal_similarities_go_to_the_lower_passage_id()
    {
        var random = new Random(3);
        var same = Gaussian(random);
        var index = new VectorIndex();
        index.Set([(9, same.ToArray()), (4, same.ToArray()), (7, Gaussian(random)), (2, same.ToArray())]);

        var hits = index.Search(same, 3);

        Assert.Equal([2, 4, 9], hits.Select(h => h.PassageId));
    }

    [Fact]
    public void Similarity_is_the_cosine_of_the_stored_vector_and_none_once_removed()
    {
        var random = new Random(1);
        var stored = Gaussian(random);
        var query = VectorIndex.Normalise(Gaussian(random));
        var index = new VectorIndex();
        index.Set([(1, stored.ToArray()), (2, Gaussian(random))]);

        Assert.Equal(TensorPrimitives.Dot(AsStored(stored), query), index.Similarity(1, query));
        Assert.InRange(index.Similarity(1, query)!.Value - TensorPrimitives.Dot(VectorIndex.Normalise(stored.ToArray()), query), -1e-3f, 1e-3f);
        Assert.Null(index.Similarity(3, query));

        index.Remove([1]);

        Assert.Null(index.Similarity(1, query));
        Assert.DoesNotContain(index.Search(query, 10), h => h.PassageId == 1);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void A_vector_of_other_dimensions_is_refused_and_a_question_of_other_dimensions_finds_nothing()
    {
        var index = new VectorIndex();
        index.Set([(1, [1f, 0f, 0f])]);

        Assert.Throws<ArgumentException>(() => index.Set([(2, [1f, 0f])]));
        Assert.Empty(index.Search([1f, 0f], 5));
        Assert.Null(index.Similarity(1, [1f, 0f]));

        // After a Clear (a model change and rebuild), the new model's dimensions are taken.
        index.Clear();
        index.Set([(1, [0f, 2f])]);
        Assert.Equal([(1, 1f)], index.Search([0f, 3f], 5));
    }

    [Fact]
    public async Task Searches_while_vectors_are_added_and_removed_always_see_a_whole_ranking()
    {
        var random = new Random(2);
        var index = new VectorIndex();
        index.Set(Enumerable.Range(1, 500).Select(id => (id, Gaussian(random))).ToList());
        var queries = Enumerable.Range(0, 50).Select(_ => Gaussian(random)).ToArray();
        var writerVectors = Enumerable.Range(0, 2_000).Select(_ => Gaussian(random)).ToArray();

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < writerVectors.Length; i++)
            {
                index.Set([(1_000 + i, writerVectors[i])]);
                index.Remove([1_000 + i - 3, i % 400]);
            }
        });
        var reader = Task.Run(() =>
        {
            var searches = 0;
            while (!writer.IsCompleted || searches < 200)
            {
                var hits = index.Search(queries[searches++ % queries.Length], 10);
                Assert.Equal(10, hits.Count);
                Assert.Equal(hits.Count, hits.Select(h => h.PassageId).Distinct().Count());
                Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Similarity >= p.Second.Similarity), "hits out of order");
            }
        });

        await Task.WhenAll(writer, reader);

        // Passages 400 to 500 and the writer's last three are left.
        Assert.Equal(101 + 3, index.Count);
        Assert.Equal([2_997, 2_998, 2_999], index.Search(writerVectors[^1], 200).Select(h => h.PassageId).Where(id => id >= 1_000).Order());
    }

    [Fact]
    public async Task A_passage_whose_vector_is_replaced_meanwhile_is_still_found()
    {
        var random = new Random(4);
        var index = new VectorIndex();
        var target = Gaussian(random);
        index.Set([(1, target.ToArray()), .. Enumerable.Range(2, 300).Select(id => (id, Gaussian(random)))]);

        // The new vector points the same way, so passage 1 stays the best match whichever row a search reads.
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 3_000; i++)
            {
                index.Set([(1, target.Select(x => x * (1 + (i % 7))).ToArray())]);
            }
        });
        var missed = 0;
        var searches = 0;
        while (!writer.IsCompleted || searches < 200)
        {
            searches++;
            if (index.Search(target, 1) is not [(1, _)])
            {
                missed++;
            }
        }

        await writer;
        Assert.Equal(0, missed);
        Assert.Equal(301, index.Count);
    }

    private static List<(int PassageId, float Similarity)> Exhaustive(Dictionary<int, float[]> vectors, float[] query, int count)
    {
        var normalised = VectorIndex.Normalise(query.ToArray());
        return vectors
            .Select(v => (v.Key, TensorPrimitives.Dot(AsStored(v.Value), normalised)))
            .OrderByDescending(v => v.Item2)
            .ThenBy(v => v.Key)
            .Take(count)
            .ToList();
    }

    // A vector as the index keeps it: normalised, then rounded to half precision.
    private static float[] AsStored(float[] vector)
    {
        var normalised = VectorIndex.Normalise(vector.ToArray());
        var half = new Half[normalised.Length];
        TensorPrimitives.ConvertToHalf(normalised, half);
        TensorPrimitives.ConvertToSingle(half, normalised);
        return normalised;
    }

    private static float[] Gaussian(Random random)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return vector;
    }

    // A vector close to `centre` (cosine about 1 / sqrt(1 + spread^2)), as passages on one subject are.
    private static float[] Near(Random random, float[] centre, float spread)
    {
        var noise = Gaussian(random);
        var centreNorm = TensorPrimitives.Norm(centre);
        var noiseNorm = TensorPrimitives.Norm(noise);
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (centre[i] / centreNorm) + (spread * noise[i] / noiseNorm);
        }

        return vector;
    }
}
