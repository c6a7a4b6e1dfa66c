package org.ward.bench;

public final class BenchMain {
    public static void main(String[] args) {
        System.out.println("ward-bench");
    }
}
