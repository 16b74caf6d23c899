package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesCommandTest {
    @TempDir
    Path tmp;

    /** The names of examples/*.toml in the repository. */
    private static List<String> repositoryExamples() throws IOException {
        try (Stream<Path> s = Files.list(ExampleFiles.folder())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
    }

    @Test
    void shipsEveryRepositoryExample() throws IOException {
        assertEquals(repositoryExamples(), ShippedExamples.names());
        assertTrue(ShippedExamples.names().containsAll(List.of("neuron-rest", "nernst-k", "gouy-chapman")));
    }

    @Test
    void listShowsNameTitleAndFirstCommentLine() {
        Cli.Outcome r = Cli.run("examples");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        for (String name : List.of("neuron-rest", "nernst-k", "gouy-chapman")) {
            assertTrue(r.out().contains(name), r.out());
        }
        assertTrue(r.out().contains("Resting neuron"), r.out());
        assertTrue(r.out().contains(
                "A mammalian neuron at rest: the textbook ion concentrations and permeability ratios."), r.out());
        assertFalse(r.out().contains("# "), r.out());
        assertEquals(r.out(), Cli.run("examples", "--list").out());
    }

    @Test
    void listOfNamedExamples() {
        Cli.Outcome r = Cli.run("examples", "nernst-k.toml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("nernst-k"), r.out());
        assertFalse(r.out().contains("neuron-rest"), r.out());
    }

    @Test
    void copyAllWritesFilesIdenticalToTheSources() throws IOException {
        Path dir = tmp.resolve("new/folder");
        Cli.Outcome r = Cli.run("examples", "--copy", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (String name : repositoryExamples()) {
            Path copy = dir.resolve(name + ".toml");
            assertArrayEquals(Files.readAllBytes(ExampleFiles.file(name)), Files.readAllBytes(copy), name);
            assertTrue(r.out().contains(copy.toString()), r.out());
        }
    }

    @Test
    void copyNamedOnly() throws IOException {
        Cli.Outcome r = Cli.run("examples", "--copy", tmp.toString(), "neuron-rest");
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("neuron-rest.toml")), s.toList());
        }
    }

    @Test
    void existingFileIsNotOverwrittenWithoutForce() throws IOException {
        Path existing = tmp.resolve("nernst-k.toml");
        Files.writeString(existing, "mine");
        Cli.Outcome r = Cli.run("examples", "--copy", tmp.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("pnp: ") && r.err().contains("--force"), r.err());
        assertEquals("mine", Files.readString(existing));
        assertFalse(Files.exists(tmp.resolve("neuron-rest.toml")), "a refusal copies nothing");

        Cli.Outcome forced = Cli.run("examples", "--copy", tmp.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertArrayEquals(Files.readAllBytes(ExampleFiles.file("nernst-k")), Files.readAllBytes(existing));
    }

    @Test
    void unknownNameIsExit2ListingTheShippedOnes() {
        Cli.Outcome r = Cli.run("examples", "neuron-rets");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("neuron-rets") && r.err().contains("neuron-rest"), r.err());
    }

    @Test
    void copyIntoAFileIsExit2() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        Cli.Outcome r = Cli.run("examples", "--copy", file.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
    }

    @Test
    void helpHasExamples() {
        Cli.Outcome r = Cli.run("examples", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Examples:") && r.out().contains("pnp examples --copy"), r.out());
    }
}
