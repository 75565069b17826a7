using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BackgroundBot.Discord.Tests.Interactions;

public sealed class InteractionReplayGuardTests
{
    private readonly FakeTimeProvider _time = new();

    private InteractionReplayGuard Create() => new(_time, Options.Create(TestOptions.For(new Uri("http://127.0.0.1/api/v10"))));

    [Fact]
    public void An_interaction_is_taken_once_while_its_token_lives_and_forgotten_after()
    {
        var guard = Create();

        Assert.True(guard.TryTake("1"));
        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.False(guard.TryTake("1"));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(guard.TryTake("2"));

        Assert.Equal(1, guard.Count);
    }

    [Fact]
    public void A_flood_of_interactions_never_holds_more_than_the_capacity()
    {
        var guard = Create();

        for (var i = 0; i < InteractionReplayGuard.Capacity + 5_000; i++)
        {
            guard.TryTake(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(InteractionReplayGuard.Capacity, guard.Count);
        Assert.False(guard.TryTake((InteractionReplayGuard.Capacity + 4_999).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
