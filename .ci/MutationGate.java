import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The mutation gate of one module: reads PIT's {@code mutations.xml} and the module's list of equivalent mutants,
 * prints mutants, killed, survived, uncovered and the score per package, and fails (exit 1) when a package scores
 * below the threshold, when a mutant survives (or is never run) that the list does not name, or when the list names
 * a mutant that a test now kills or that no longer exists (a stale entry would excuse a future real survivor); a
 * listed mutant that timed out is only noted.
 *
 * <p>Run by the {@code mutation} Maven profile after {@code pitest:mutationCoverage}:
 * {@code java .ci/MutationGate.java target/pit-reports/mutations.xml src/test/mutation/equivalent-mutants.tsv 90}.
 * List lines are {@code class<TAB>method<TAB>line<TAB>mutator<TAB>why it is equivalent}; {@code #} starts a comment.
 */
public final class MutationGate {
    private record Mutant(String cls, String method, int line, String mutator, String status, String description) {
        String key() {
            return cls + "\t" + method + "\t" + line + "\t" + mutator;
        }

        String pkg() {
            return cls.substring(0, cls.lastIndexOf('.'));
        }

        boolean detected() {
            return switch (status) {
                case "KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR" -> true;
                default -> false;
            };
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java MutationGate.java mutations.xml equivalent-mutants.tsv thresholdPercent");
            System.exit(2);
        }
        Path report = Path.of(args[0]);
        Path listFile = Path.of(args[1]);
        int threshold = Integer.parseInt(args[2]);
        if (!Files.isRegularFile(report)) {
            System.err.println("mutation gate: no PIT report at " + report + " (did pitest:mutationCoverage run?)");
            System.exit(1);
        }
        List<Mutant> mutants = read(report);
        Set<String> equivalent = equivalents(listFile);

        Map<String, int[]> perPackage = new TreeMap<>(); // total, killed, survived, no coverage, listed
        Set<String> survivingKeys = new LinkedHashSet<>();
        List<Mutant> unlisted = new ArrayList<>();
        for (Mutant m : mutants) {
            int[] row = perPackage.computeIfAbsent(m.pkg(), k -> new int[5]);
            row[0]++;
            if (m.detected()) {
                row[1]++;
                continue;
            }
            if (m.status().equals("NO_COVERAGE")) {
                row[3]++;
            } else {
                row[2]++;
            }
            survivingKeys.add(m.key());
            if (equivalent.contains(m.key())) {
                row[4]++;
            } else {
                unlisted.add(m);
            }
        }

        System.out.println("mutation gate (" + report + ", threshold " + threshold + " % per package)");
        System.out.println("| package | mutants | killed | survived | no coverage | listed equivalent | score |");
        System.out.println("|---|---|---|---|---|---|---|");
        boolean pass = true;
        for (Map.Entry<String, int[]> e : perPackage.entrySet()) {
            int[] r = e.getValue();
            int score = (int) Math.floor(100.0 * r[1] / r[0]);
            System.out.printf("| %s | %d | %d | %d | %d | %d | %d %% |%n", e.getKey(), r[0], r[1], r[2], r[3], r[4], score);
            if (score < threshold) {
                System.out.println("FAIL: package " + e.getKey() + " scores " + score + " %, below " + threshold + " %");
                pass = false;
            }
        }
        if (!unlisted.isEmpty()) {
            pass = false;
            System.out.println("FAIL: " + unlisted.size() + " surviving mutants are not in " + listFile
                    + " (kill them with a test, or list them with the reason they are equivalent):");
            for (Mutant m : unlisted) {
                System.out.println("  " + m.key() + "\t" + m.status() + ": " + m.description());
            }
        }
        // a listed mutant that timed out (a slow machine, or a loop that now runs longer) is not stale: only one that a
        // test killed, or that is gone, is
        Set<String> timedOutKeys = new LinkedHashSet<>();
        for (Mutant m : mutants) {
            if (m.status().equals("TIMED_OUT")) {
                timedOutKeys.add(m.key());
            }
        }
        List<String> stale = new ArrayList<>();
        for (String key : equivalent) {
            if (timedOutKeys.contains(key) && !survivingKeys.contains(key)) {
                System.out.println("note: the listed mutant " + key.replace('\t', ' ') + " timed out this time");
            } else if (!survivingKeys.contains(key)) {
                stale.add(key);
            }
        }
        if (!stale.isEmpty()) {
            pass = false;
            System.out.println("FAIL: " + stale.size() + " entries of " + listFile
                    + " name no surviving mutant (killed, moved or gone); remove or update them:");
            stale.forEach(k -> System.out.println("  " + k));
        }
        if (!KINDS.isEmpty()) {
            System.out.println("listed survivors by reason: " + KINDS);
        }
        System.out.println(pass ? "mutation gate: PASS" : "mutation gate: FAIL");
        System.exit(pass ? 0 : 1);
    }

    private static List<Mutant> read(Path report) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                .getElementsByTagName("mutation");
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            String mutator = text(e, "mutator");
            out.add(new Mutant(text(e, "mutatedClass"), text(e, "mutatedMethod"),
                    Integer.parseInt(text(e, "lineNumber")), mutator.substring(mutator.lastIndexOf('.') + 1),
                    e.getAttribute("status"), text(e, "description")));
        }
        return out;
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent().trim();
    }

    /** Listed survivors per kind of reason (the words before the first colon, if any). */
    private static final Map<String, Integer> KINDS = new TreeMap<>();

    private static Set<String> equivalents(Path listFile) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        if (!Files.exists(listFile)) {
            return keys;
        }
        int n = 0;
        for (String line : Files.readAllLines(listFile)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 5 || f[4].isBlank()) {
                System.err.println(listFile + ":" + n + ": expected class, method, line, mutator and a reason, "
                        + "separated by tabs");
                System.exit(2);
            }
            keys.add(f[0] + "\t" + f[1] + "\t" + Integer.parseInt(f[2].trim()) + "\t" + f[3]);
            String reason = f[4].trim();
            String kind = "equivalent";
            for (String k : List.of("boundary at equality", "cost only", "untested path")) {
                if (reason.startsWith(k + ":")) {
                    kind = k;
                }
            }
            KINDS.merge(kind, 1, Integer::sum);
        }
        return keys;
    }
}
