#!/usr/bin/python3
"""scikit-learn peer of the ML.NET intent classifier, scored on exactly the same folds.

    dotnet run -c Release --project tests/Botshop.Benchmarks -- export-folds /tmp/folds.csv
    /usr/bin/python3 tests/Botshop.Benchmarks/peer/sklearn_compare.py /tmp/folds.csv

Same definitions as Botshop.Ml (ReportBuilder, DecisionOutcomes, PolicyTuner):
  in-scope accuracy  argmax == truth over examples whose truth is not out_of_scope
  macro-F1           unweighted mean F1 over every intent in the data, out_of_scope included (argmax)
  policy             decline if top is out_of_scope or top prob < threshold; ask back ("ambiguous") if the
                     top two in-scope intents are closer than the margin; else answer the top intent
  OOS recall         out_of_scope examples declined / out_of_scope examples (ambiguous is not declined)
  answered-correct   in-scope examples answered with their intent / in-scope examples
  tuning             threshold 0.00..0.99, margin 0.00..0.15 (steps 0.01); OOS recall >= target, then most
                     answered-correct, then fewest wrong answers, then smallest threshold and margin
"""
import csv
import os
import re
import sys
import time
import unicodedata

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

OOS = "out_of_scope"
TARGET_OOS_RECALL = 0.90


def word_variants():
    """The table of Botshop.Ml.WordVariants, read from its source so the two cannot drift apart."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "src", "Botshop.Ml", "WordVariants.cs")
    return dict(re.findall(r'\["(\w+)"\] = "([\w ]+)"', open(source, encoding="utf-8").read()))


WORD_VARIANTS = word_variants()


def canonical(word):
    if word in WORD_VARIANTS:
        return WORD_VARIANTS[word]
    return word.replace("isation", "ization") if word.endswith(("isation", "isations")) else word


def normalize(text):
    """Mirror of Botshop.Ml.TextNormalizer: lowercase, no diacritics, apostrophes dropped, punctuation -> space,
    then contractions, shorthand and British spellings mapped as WordVariants does."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['\u2019\u02bc]", "", text)
    return " ".join(canonical(w) for w in re.findall(r"[^\W_]+", text))


def featurizers():
    return [TfidfVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=r"\S+"),
            TfidfVectorizer(analyzer="char", ngram_range=(1, 4))]


def out_of_fold_probabilities(texts, labels, folds, classes):
    probabilities = np.zeros((len(texts), len(classes)))
    for fold in sorted(set(folds)):
        train = [i for i, f in enumerate(folds) if f != fold]
        test = [i for i, f in enumerate(folds) if f == fold]
        vectorizers = featurizers()
        x_train = hstack([v.fit_transform([texts[i] for i in train]) for v in vectorizers]).tocsr()
        x_test = hstack([v.transform([texts[i] for i in test]) for v in vectorizers]).tocsr()
        model = LogisticRegression(C=10.0, max_iter=5000)
        model.fit(x_train, [labels[i] for i in train])
        columns = [classes.index(c) for c in model.classes_]
        probabilities[np.ix_(test, columns)] = model.predict_proba(x_test)
    return probabilities


def decide(ranked, threshold, margin):
    """ranked: [(intent, probability)] best first. Returns ('intent'|'oos'|'ambiguous', intent)."""
    top_intent, top_p = ranked[0]
    if top_intent == OOS or top_p < threshold:
        return "oos", top_intent
    second_intent, second_p = ranked[1]
    if second_intent != OOS and top_p - second_p < margin:
        return "ambiguous", top_intent
    return "intent", top_intent


def outcomes(rankings, labels, threshold, margin):
    correct = wrong = oos_declined = declined = 0
    for ranked, truth in zip(rankings, labels):
        kind, intent = decide(ranked, threshold, margin)
        if kind == "oos":
            declined += 1
            oos_declined += truth == OOS
        elif kind == "intent":
            if intent == truth and truth != OOS:
                correct += 1
            elif intent != truth:
                wrong += 1
    return correct, wrong, oos_declined, declined


def tune(rankings, labels):
    oos_total = sum(l == OOS for l in labels)
    best, best_key = None, None
    for t in range(100):
        for m in range(16):
            correct, wrong, oos_declined, declined = outcomes(rankings, labels, t / 100, m / 100)
            meets = oos_total > 0 and oos_declined / oos_total >= TARGET_OOS_RECALL
            key = (meets, 0 if meets else oos_declined, correct, -wrong)
            if best_key is None or key > best_key:
                best, best_key = (t / 100, m / 100), key
    return best


def main(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = [normalize(r["text"]) for r in rows]
    labels = [r["intent"] for r in rows]
    folds = [int(r["fold"]) for r in rows]
    classes = sorted(set(labels))

    started = time.perf_counter()
    probabilities = out_of_fold_probabilities(texts, labels, folds, classes)
    seconds = time.perf_counter() - started

    # Ties broken by name, as the .NET ranking does.
    rankings = [sorted(zip(classes, p), key=lambda s: (-s[1], s[0])) for p in probabilities]
    predicted = [r[0][0] for r in rankings]
    in_scope = [i for i, l in enumerate(labels) if l != OOS]
    accuracy = sum(predicted[i] == labels[i] for i in in_scope) / len(in_scope)
    macro_f1 = f1_score(labels, predicted, labels=classes, average="macro", zero_division=0)

    threshold, margin = tune(rankings, labels)
    correct, wrong, oos_declined, declined = outcomes(rankings, labels, threshold, margin)
    oos_total = sum(l == OOS for l in labels)

    print(f"scikit-learn TF-IDF (word 1-2 + char 1-4) + LogisticRegression(C=10): {len(rows)} examples, "
          f"{len(set(folds))} folds, CV {seconds:.1f} s")
    print(f"in-scope acc {accuracy:.1%}  macro-F1 {macro_f1:.3f}  threshold {threshold:.2f}  margin {margin:.2f}  "
          f"OOS recall {oos_declined / oos_total:.1%}  OOS precision {oos_declined / declined if declined else 0:.1%}  "
          f"answered-correct {correct / len(in_scope):.1%}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: sklearn_compare.py FOLDS.csv")
    main(sys.argv[1])
