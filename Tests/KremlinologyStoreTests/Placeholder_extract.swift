// Placeholder so that the package builds on branch extract; the owning branch supplies real tests.
