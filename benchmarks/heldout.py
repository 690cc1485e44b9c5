"""A held-out corpus: course-like maps the layout was never tuned on.

The layout's figures on the nine course maps could flatter it: its rules
were tried against those very maps. These maps have the course maps' shape
but none of their boxes, so the same figures on them say whether the
layout holds up on maps nobody looked at while tuning it. Each map, like a
course map:

- is one question with two sides, each listing 2-5 claims;
- has 20-55 boxes (question, sides, claims, evidence), spread over that
  range from map to map;
- has claims below the listed ones: some support or undermine a listed
  claim (depth 2), and some of those have a claim of their own (depth 3);
- has a few listed claims undermining claims on the other side;
- has evidence items citing 1-3 claims (most cite one), four in five
  supporting, and some cited on both sides (often supporting one and
  undermining the other);
- is argued over by two schools, one per side.

The words are built from phrases on six IB Paper 3 topics other than
Stalin's foreign policy, so labels have real English words of real length
and wrap to one to three lines like the course's (claim labels of 20-50
characters; evidence titles of 16-118, the long ones with a short ``label``
as ``argmap check`` asks). The phrases are put together at random: the text
reads as English but is not history, and every source says so.

The same ``seed`` gives the same bytes.

    python benchmarks/heldout.py /tmp/heldout
    argmap check --corpus /tmp/heldout --strict
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from generate import KINDS, WEIGHTS, _q  # a script beside this one

from argmap.labels import title_fits

# Box counts the maps aim at, one per map, cycled: the course maps have
# 20-53 boxes, most between 30 and 53.
BOXES = [21, 54, 33, 46, 27, 40, 50, 36]
LABEL_MAX = 40  # an evidence label argmap check accepts without a word
SOURCE = "Held-out benchmark reader (generated text, not history), part {}"


@dataclass(frozen=True)
class Topic:
    """The phrases one map's words are built from."""

    id: str
    question: str
    command_term: str
    period: tuple[int, int]
    sides: tuple[str, str]
    schools: tuple[str, str]
    actors: tuple[str, ...]
    acts: tuple[str, ...]
    whens: tuple[str, ...]
    asides: tuple[str, ...]


TOPICS = [
    Topic(
        "origins-of-1914",
        "To what extent was Germany responsible for turning the July Crisis of 1914 into a general European war?",
        "to what extent", (1900, 1914), ("Germany's drive to war", "A responsibility shared by all the powers"),
        ("Fischer school", "Shared-responsibility school"),
        ("Germany", "The Kaiser", "Bethmann Hollweg", "The German General Staff", "Austria-Hungary", "Serbia",
         "Russia", "France", "Britain", "Grey", "Moltke", "Serbian nationalists", "The Entente powers"),
        ("feared encirclement", "wanted a short war", "gave Vienna a blank cheque", "mobilised first",
         "built a fleet to rival the Royal Navy", "backed its ally without conditions", "ignored British warnings",
         "sought a diplomatic victory", "planned for a war on two fronts", "armed against an expected attack",
         "pressed for an ultimatum", "hoped to split the Entente", "refused mediation"),
        ("in July 1914", "after Sarajevo", "in the Moroccan crises", "before the harvest", "in 1912",
         "during the Balkan Wars", "in the last days of peace"),
        ("despite warnings from its own diplomats", "to the alarm of the other capitals",
         "as the press demanded firmness", "while the army's timetables ran on",
         "according to the later war-guilt debate"),
    ),
    Topic(
        "fall-of-tsarism",
        "Evaluate the view that the First World War, rather than long-term weakness, caused the collapse of "
        "Tsarism in 1917.",
        "evaluate", (1905, 1917), ("The war broke the regime", "Long-term weakness of the autocracy"),
        ("War-catastrophe school", "Doomed-autocracy school"),
        ("Nicholas II", "The Tsarina", "Rasputin", "Stolypin", "The Duma", "The army", "Petrograd workers",
         "The peasantry", "The liberals", "The Okhrana", "The railways", "The high command"),
        ("lost the confidence of the generals", "ruled without the Duma", "failed to feed the cities",
         "broke down under the strain of war", "refused any real reform", "took command at the front",
         "turned against the dynasty", "carried out land reform", "spread unrest through the garrison",
         "demanded a responsible ministry", "lost control of the capital"),
        ("in February 1917", "after 1905", "during the Great Retreat of 1915", "in the winter of 1916",
         "before the war", "in the bread queues"),
        ("as prices rose faster than wages", "while the court ignored every warning",
         "in the eyes of most educated Russians", "long before the soldiers mutinied"),
    ),
    Topic(
        "end-of-weimar",
        "Discuss the view that the Great Depression was the main reason for the collapse of the Weimar "
        "Republic by 1933.",
        "discuss", (1919, 1933), ("The Depression destroyed Weimar", "Weimar was weak from its birth"),
        ("Economic-crisis school", "Flawed-foundations school"),
        ("Hindenburg", "Brüning", "Papen", "Schleicher", "The Nazi Party", "The Communist Party", "The Reichswehr",
         "The judiciary", "The middle classes", "Big business", "The Social Democrats", "The voters"),
        ("lost faith in parliament", "governed by emergency decree", "cut spending as unemployment rose",
         "turned to the extremes", "never accepted the republic", "plotted to bring Hitler into office",
         "split the working-class vote", "blamed Versailles for every hardship", "won a third of the seats",
         "feared a communist rising", "tolerated political violence"),
        ("in 1930", "after the Wall Street Crash", "in the elections of July 1932", "during the hyperinflation",
         "from 1919", "in January 1933"),
        ("as six million were out of work", "in the eyes of the old elites",
         "while the constitution left the door open", "long before the Depression struck"),
    ),
    Topic(
        "fascist-italy",
        "Examine the extent to which Mussolini's domestic policies achieved their aims in Italy between 1922 and 1939.",
        "examine", (1922, 1939), ("Fascism remade Italy", "Propaganda hid failure"),
        ("Totalitarian school", "Consensus-and-failure school"),
        ("Mussolini", "The Fascist Party", "The Church", "The king", "Industrialists", "The southern peasants",
         "Italian women", "The youth movements", "The corporate state", "The press", "The squadristi"),
        ("won the Battle for Grain", "signed the Lateran Pacts", "failed to raise the birth rate",
         "controlled the schools", "left the old elites in place", "built roads and drained marshes",
         "revalued the lira", "silenced the opposition", "never won the south", "relied on propaganda",
         "made peace with the Vatican"),
        ("in 1929", "after the Matteotti crisis", "in the 1930s", "during the Depression", "by 1939",
         "in the first years of power"),
        ("as the newsreels claimed", "at a heavy cost to the poor", "while real wages fell",
         "in the judgement of later historians"),
    ),
    Topic(
        "khrushchev-reforms",
        "Assess the success of Khrushchev's domestic reforms in the Soviet Union between 1953 and 1964.",
        "assess", (1953, 1964), ("De-Stalinisation changed the USSR", "Reform faltered and was reversed"),
        ("Liberalising school", "Failed-reformer school"),
        ("Khrushchev", "The Presidium", "Party officials", "Soviet farmers", "The writers", "The Virgin Lands",
         "The gulag", "Consumers", "The planners", "The army", "Brezhnev"),
        ("denounced Stalin in the Secret Speech", "released prisoners from the camps",
         "ploughed up the steppe", "reorganised the ministries", "resisted every reform", "built new flats",
         "promised to overtake America", "relaxed censorship", "ousted Khrushchev", "raised food prices",
         "launched the space programme"),
        ("in 1956", "after Stalin's death", "in the thaw", "by 1963", "in the harvest failure of 1963",
         "in October 1964"),
        ("as the harvests failed", "to the anger of the apparatus", "while the shops stayed empty",
         "in the eyes of ordinary citizens"),
    ),
    Topic(
        "franco-in-power",
        "To what extent did repression, rather than economic growth, keep Franco in power in Spain from 1939 to 1975?",
        "to what extent", (1939, 1975), ("Repression and fear", "Growth and consent"),
        ("Repression school", "Modernisation school"),
        ("Franco", "The Falange", "The Church", "The army", "The technocrats", "The Civil Guard",
         "The Opus Dei ministers", "Catalan workers", "Tourists", "The Americans", "Exiles"),
        ("shot thousands of prisoners", "opened Spain to tourism", "signed the Pact of Madrid",
         "ran the schools", "crushed the strikes", "brought in the Stabilisation Plan",
         "kept the regions silent", "sent money home from abroad", "backed the regime from the pulpit",
         "censored the press", "bought cars and televisions"),
        ("in the 1940s", "after 1959", "in the years of hunger", "during the economic miracle", "by 1970",
         "at the end of the Civil War"),
        ("as the tourists arrived", "while the prisons stayed full", "in the memory of the defeated",
         "to the surprise of foreign observers"),
    ),
]


@dataclass
class Claim:
    """A claim being written: where it sits and what it cites and argues."""

    id: str
    side: int  # the side it argues for (0 or 1)
    depth: int  # 1: listed on a side; 2 and 3: below
    label: str
    text: str
    evidence: list[tuple[str, str, str, str]] = field(default_factory=list)  # (ref, stance, weight, reading)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (relation, claim id, weight)


def _phrase(rng: random.Random, topic: Topic, low: int, high: int, extras: int) -> str:
    """Words from ``topic`` of ``low``-``high`` characters: an actor and an
    act, then up to ``extras`` of a time and an aside while they fit. The
    nearest to a length drawn in range, of up to 200 tries; never longer
    than ``high`` (the format's limits)."""
    target = rng.randint(low, high)
    best = ""
    for _ in range(200):
        words = f"{rng.choice(topic.actors)} {rng.choice(topic.acts)}"
        for extra in [rng.choice(topic.whens), rng.choice(topic.asides)][:extras]:
            if len(words) + 2 + len(extra) <= target + 6:
                words += (" " if extra in topic.whens else ", ") + extra
        if len(words) > high:
            continue
        if abs(len(words) - target) <= 8 and len(words) >= low:
            return words
        if not best or abs(len(words) - target) < abs(len(best) - target):
            best = words
    if not best:
        raise ValueError(f"{topic.id}: no phrase of at most {high} characters")
    return best


def _core(title: str, topic: Topic) -> str:
    """The actor and act a title starts with: a long title's ``label``."""
    act = next(a for a in topic.acts if f" {a}" in title)
    return title[:title.index(act) + len(act)]


def _lower(phrase: str) -> str:
    """``phrase`` to follow other words: "The army" becomes "the army"
    (names keep their capitals)."""
    return "t" + phrase[1:] if phrase.startswith("The ") else phrase


def _date(rng: random.Random, period: tuple[int, int]) -> str:
    year = rng.randint(*period)
    month = f"{rng.randint(1, 12):02d}"
    return rng.choice([f"{year}", f"{year}-{month}", f"{year}-{month}-{rng.randint(1, 28):02d}",
                       f"{year}/{min(year + rng.randint(1, 3), period[1])}" if year < period[1] else f"{year}"])


def _claims(rng: random.Random, topic: Topic, boxes: int) -> list[Claim]:
    """The map's claims: listed ones, those below them and the listed
    claims' attacks across sides, never in a cycle."""
    claims: list[Claim] = []

    def new(side: int, depth: int) -> Claim:
        label = _phrase(rng, topic, 20, 50, 1)
        text = f"{label}, because {_lower(_phrase(rng, topic, 40, 120, 2))}."
        claim = Claim(f"{topic.id}-c{len(claims) + 1}", side, depth, label, text)
        claims.append(claim)
        return claim

    budget = max(6, round(boxes * 0.3))  # the course maps: about 3 claims in 10 boxes
    listed = [[new(side, 1) for _ in range(rng.randint(2, 5 if budget > 8 else 3))] for side in (0, 1)]
    order = nx.DiGraph()
    while len(claims) < budget:
        parent = rng.choice([c for c in claims if c.depth < 3])
        relation = "supports" if rng.random() < 0.7 else "undermines"
        child = new(parent.side if relation == "supports" else 1 - parent.side, parent.depth + 1)
        child.links.append((relation, parent.id, rng.choice(WEIGHTS)))
        order.add_edge(child.id, parent.id)
    for _ in range(rng.randint(1, 4)):  # listed claims attack the other side's
        side = rng.randint(0, 1)
        source, target = rng.choice(listed[side]), rng.choice(listed[1 - side])
        if order.has_edge(source.id, target.id) or order.has_edge(target.id, source.id):
            continue  # the same two claims related twice is an error
        order.add_edge(source.id, target.id)
        if nx.is_directed_acyclic_graph(order):
            source.links.append(("undermines", target.id, rng.choice(WEIGHTS)))
        else:
            order.remove_edge(source.id, target.id)
    return claims


def _evidence(rng: random.Random, topic: Topic, claims: list[Claim], count: int) -> list[str]:
    """``count`` evidence items, written as YAML blocks, each cited by 1-3
    of ``claims`` (every claim by at least one)."""
    blocks = []
    for i in range(count):
        eid = f"{topic.id}-e{i + 1}"
        first = claims[i % len(claims)] if i < len(claims) else rng.choice(claims)
        cited = [first]
        for _ in range(rng.choices([0, 1, 2], weights=[6, 3, 1])[0]):
            across = rng.random() < 0.35  # about one further citation in three is on the other side
            pool = [c for c in claims if c not in cited and (c.side != first.side) == across]
            if pool:
                cited.append(rng.choice(pool))
        for claim in cited:
            stance = "supports" if rng.random() < 0.8 else "undermines"
            if claim.side != first.side:  # across sides, most evidence cuts the other way
                stance = "undermines" if rng.random() < 0.6 else "supports"
            reading = _phrase(rng, topic, 30, 90, 1) + "."
            claim.evidence.append((eid, stance, rng.choice(WEIGHTS), reading))
        long = rng.random() < 0.3
        title = _phrase(rng, topic, 70, 118, 2) if long else _phrase(rng, topic, 16, 56, 1)
        while not title_fits(title) and len(_core(title, topic)) > LABEL_MAX:
            title = _phrase(rng, topic, 70, 118, 2)
        lines = [f"  - id: {eid}", f"    title: {_q(title)}"]
        if not title_fits(title):
            lines.append(f"    label: {_q(_core(title, topic))}")
        lines += [f"    date: \"{_date(rng, topic.period)}\"", f"    kind: {rng.choice(KINDS)}",
                  f"    detail: {_q(_phrase(rng, topic, 60, 140, 2) + '.')}",
                  f"    source: {_q(SOURCE.format(rng.randint(1, 12)))}"]
        blocks.append("\n".join(lines))
    return blocks


def _claim_block(claim: Claim) -> str:
    lines = [f"  - id: {claim.id}", f"    label: {_q(claim.label)}", f"    text: {_q(claim.text)}"]
    if claim.evidence:
        lines.append("    evidence:")
        lines += [f"      - {{ref: {ref}, stance: {stance}, weight: {weight}, reading: {_q(reading)}}}"
                  for ref, stance, weight, reading in claim.evidence]
    for relation in ("supports", "undermines"):
        links = [f"{{ref: {ref}, weight: {weight}}}" for r, ref, weight in claim.links if r == relation]
        if links:
            lines.append(f"    {relation}: [{', '.join(links)}]")
    return "\n".join(lines)


def heldout_corpus(out: Path, maps: int = 6, seed: int = 1917) -> list[str]:
    """Write ``maps`` course-like maps (at most one per topic) to ``out`` as
    a corpus; returns their question ids."""
    rng = random.Random(seed)
    for folder in ("schools", "exam_questions", "evidence"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    ids = []
    for n, topic in enumerate(TOPICS[:maps]):
        boxes = BOXES[n % len(BOXES)]
        claims = _claims(rng, topic, boxes)
        evidence = _evidence(rng, topic, claims, max(len(claims), boxes - 3 - len(claims)))
        listed = [[c.id for c in claims if c.depth == 1 and c.side == s] for s in (0, 1)]
        schools = []
        for s, name in enumerate(topic.schools):
            held = listed[s] + [c.id for c in claims if c.depth > 1 and c.side == s][:2]
            rejected = rng.sample(listed[1 - s], min(2, len(listed[1 - s])))
            schools.append(f"  - id: {topic.id}-school-{s + 1}\n    name: {_q(name)}\n"
                           f"    summary: {_q(_phrase(rng, topic, 60, 140, 2) + '.')}\n"
                           f"    holds: [{', '.join(held)}]\n    rejects: [{', '.join(rejected)}]")
        (out / "schools" / f"{topic.id}.yaml").write_text(
            "schools:\n" + "\n".join(schools) + "\n\nclaims:\n" + "\n".join(map(_claim_block, claims)) + "\n",
            encoding="utf-8")
        (out / "evidence" / f"{topic.id}.yaml").write_text("evidence:\n" + "\n".join(evidence) + "\n",
                                                          encoding="utf-8")
        sides = "\n".join(f"      - id: side-{s + 1}\n        label: {_q(topic.sides[s])}\n"
                          f"        claims: [{', '.join(listed[s])}]" for s in (0, 1))
        (out / "exam_questions" / f"{topic.id}.yaml").write_text(
            f"questions:\n  - id: {topic.id}\n    text: {_q(topic.question)}\n"
            f"    command_term: {topic.command_term}\n    period: [{topic.period[0]}, {topic.period[1]}]\n"
            f"    sides:\n{sides}\n", encoding="utf-8")
        ids.append(topic.id)
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the corpus into")
    parser.add_argument("--maps", type=int, default=len(TOPICS))
    parser.add_argument("--seed", type=int, default=1917)
    args = parser.parse_args()
    print(heldout_corpus(args.out, args.maps, args.seed))


if __name__ == "__main__":
    main()
