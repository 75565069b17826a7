using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using BackgroundBot.Knowledge;
using BackgroundBot.Llm;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Polly;

namespace BackgroundBot.Answering.Generative;

/// <summary>
/// Answers with the configured model through Semantic Kernel, from the same retrieved passages as the extractive
/// mode, then keeps only the sentences whose citations check out. When the model fails after its retries, the
/// extractive answer stands in, marked as such.
/// </summary>
public sealed class GenerativeAnswerer : IAnswerer
{
    private readonly ExtractiveAnswerer _extractive;
    private readonly PlaceNames _placeNames;
    private readonly IKnowledgeStore _store;
    private readonly Kernel _kernel;
    private readonly KernelFunction _answer;
    private readonly ResiliencePipeline _resilience;
    private readonly CitationCheck _citationCheck;
    private readonly ILogger<GenerativeAnswerer> _logger;
    private readonly AnswerPipeline _pipeline;
    private readonly DisputeAccounts _disputes;

    public GenerativeAnswerer(
        AnswerPipeline pipeline,
        ExtractiveAnswerer extractive,
        PlaceNames placeNames,
        IKnowledgeStore store,
        DisputeAccounts disputes,
        Kernel kernel,
        AnswerPrompt prompt,
        CitationCheck citationCheck,
        [FromKeyedServices(LlmResilience.Key)] ResiliencePipeline resilience,
        IOptions<LlmOptions> options,
        ILogger<GenerativeAnswerer> logger)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(options);
        _extractive = extractive;
        _pipeline = pipeline;
        _placeNames = placeNames;
        _store = store;
        _disputes = disputes;
        _kernel = kernel;
        _resilience = resilience;
        _citationCheck = citationCheck;
        _logger = logger;
        var settings = new OpenAIPromptExecutionSettings
        {
            MaxTokens = options.Value.MaxOutputTokens,
            Temperature = options.Value.Temperature,
        };
        var config = prompt.Config;
        config.ExecutionSettings.Clear();
        config.AddExecutionSettings(settings);
        _answer = KernelFunctionFactory.CreateFromPrompt(config);
    }

    public AnswerMode Mode => AnswerMode.Generative;

    public async Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        AskResult? final = null;
        await foreach (var update in StreamAsync(request, cancellationToken))
        {
            final = update.Final ?? final;
        }

        return final!;
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var preparation = await _pipeline.PrepareAsync(request, cancellationToken);
        if (preparation.Early is { } early)
        {
            yield return AnswerUpdate.Done(early);
            yield break;
        }

        var passages = preparation.Hits.Select(h => h.Passage).ToList();
        var shown = Shown(passages);
        var arguments = new KernelArguments
        {
            ["passages"] = QuotedPassages.ToJson(shown),
            ["question"] = request.PreviousQuestion is { Length: > 0 } previous
                ? $"{preparation.Question}\n(This follows the earlier question: {previous})"
                : preparation.Question,
            ["not_covered"] = AnswerPrompt.NotCoveredReply,
        };

        var drafts = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var generation = GenerateAsync(arguments, drafts.Writer, cancellationToken);
        await foreach (var draft in drafts.Reader.ReadAllAsync(cancellationToken))
        {
            yield return AnswerUpdate.Progress(draft);
        }

        string? reply = null;
        string? failure = null;
        try
        {
            reply = await generation;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            failure = LlmFailure.Describe(ex);
            Log.ModelFailed(_logger, failure, ex);
        }

        if (reply is null)
        {
            yield return AnswerUpdate.Done(AskResult.Ok(_extractive.Compose(
                preparation,
                $"The language model could not answer ({failure}), so this answer is extractive.")));
            yield break;
        }

        var checkedAnswer = await CheckAsync(preparation, passages, shown, reply, cancellationToken);
        yield return AnswerUpdate.Done(AskResult.Ok(checkedAnswer));
    }

    private async Task<string> GenerateAsync(KernelArguments arguments, ChannelWriter<string> drafts, CancellationToken cancellationToken)
    {
        try
        {
            return await _resilience.ExecuteAsync(
                async token =>
                {
                    var text = new StringBuilder();
                    await foreach (var chunk in _answer.InvokeStreamingAsync<StreamingChatMessageContent>(_kernel, arguments, token))
                    {
                        if (!string.IsNullOrEmpty(chunk.Content))
                        {
                            text.Append(chunk.Content);
                            drafts.TryWrite(text.ToString());
                        }
                    }

                    if (text.Length == 0)
                    {
                        throw new LlmResponseException("the model returned an empty reply");
                    }

                    return text.ToString();
                },
                cancellationToken);
        }
        finally
        {
            drafts.TryComplete();
        }
    }

    private async Task<GroundedAnswer> CheckAsync(
        AnswerPreparation preparation, IReadOnlyList<Passage> passages, IReadOnlyList<PromptPassage> shown, string reply, CancellationToken cancellationToken)
    {
        var checkedAnswer = await _citationCheck.CheckAsync(reply, shown, cancellationToken);
        if (reply.Contains(AnswerPrompt.NotCoveredReply, StringComparison.OrdinalIgnoreCase) || checkedAnswer.IsEmpty)
        {
            var declined = _pipeline.Decline(preparation.Question, DeclineReason.NotCovered);
            return declined with { Mode = AnswerMode.Generative };
        }

        if (checkedAnswer.DroppedSentences > 0)
        {
            Log.SentencesDropped(_logger, checkedAnswer.DroppedSentences);
        }

        var citations = new CitationList(_store);
        foreach (var number in checkedAnswer.CitedPassages)
        {
            citations.NumberOf(passages[number - 1]);
        }

        // Both accounts, always: a model that cites one side's account of a linked dispute gets the other side's
        // added from the store, word for word and cited, whatever it chose to write.
        var text = checkedAnswer.Text;
        foreach (var (_, passage) in _disputes.MissingAccounts(checkedAnswer.CitedPassages.Select(n => passages[n - 1]).ToList()))
        {
            text += $" {passage.Text} [{citations.NumberOf(passage)}]";
        }

        return new GroundedAnswer(
            preparation.Question,
            _placeNames.AddAlternativeNames(text),
            Grounded: true,
            AnswerMode.Generative,
            citations.Citations);
    }

    /// <summary>The passages as the prompt shows them: numbered from 1, each with its source and date.</summary>
    private List<PromptPassage> Shown(IReadOnlyList<Passage> passages) =>
        passages.Select((passage, i) =>
        {
            var source = _store.DescribeSource(passage);
            return new PromptPassage(i + 1, source.Title, source.Published, passage.Text);
        }).ToList();
}
