package dev.prepdeck;

public final class Main {
    public static void main(String[] args) {
    }
}
